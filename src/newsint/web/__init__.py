"""The HTTP API and the web page (``newsint serve``)."""
