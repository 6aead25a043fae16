"""Editor accounts and API tokens: who may add, rebuild and delete articles.

    store.AccountStore    users (werkzeug scrypt hashes) and bearer tokens (only their hashes), in SQLite
    secret.secret_key     the app's secret key, generated once into the instance folder (mode 0600)
    web.init_accounts     Flask-Login, CSRF (Flask-WTF), the login rate limit, private mode
    cli                   ``vorleser user add|remove``, ``vorleser token create|revoke``
"""
