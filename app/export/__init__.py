"""Exports beyond the web page: EPUB 3 with Media Overlays, podcast feed, static site."""
