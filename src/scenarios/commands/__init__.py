"""One module per subcommand of `scenarios`, imported only when it runs."""
