from mesomap.cli import main

raise SystemExit(main())
