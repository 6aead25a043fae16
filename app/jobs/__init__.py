"""The build queue: jobs submitted from the web page and the API, built by workers.

    model     the durable job record (state, position, progress, ETA, error, result)
    store     job records in SQLite (embedded) ...
    rstore    ... or in Redis (several machines)
    queue     Huey (SqliteHuey or RedisHuey) and :class:`JobSystem`: submit, run, recover
    runner    what one job does: read the source, build with progress, publish
    locks     the per-article lock (flock, or a Redis lock across machines)
    articles  delete an article; rebuild one from its manifest
    worker    the in-process worker of ``vorleser serve`` and ``vorleser worker``

At least once, nothing lost: Huey does not acknowledge tasks (a task a killed
worker had taken is gone from the queue), so every job also has a record with a
heartbeat. A job whose worker stopped beating, or whose worker process on this
machine is gone, is put back in the queue; one still waiting but missing from
the queue is enqueued again. Builds are idempotent (sentence cache, atomic
publish), so a job that runs twice does no harm.
"""
