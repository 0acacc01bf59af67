"""One module per subcommand: ``add_arguments(parser)`` and ``run(namespace) -> exit status``."""
