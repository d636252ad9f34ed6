from military_exercises.cli import main

raise SystemExit(main())
