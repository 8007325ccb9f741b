"""Who may call what: the caller (``Principal``), each route's declared ``Policy``, and the
authenticator that turns a request's credentials into a principal."""
