"""The PRSS Resource Library: load, check and render the content under `content/`."""
