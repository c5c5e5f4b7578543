from limner.server.cli import main

raise SystemExit(main())
