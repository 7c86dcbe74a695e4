"""``python -m missionwatch``: the same command as the ``missionwatch`` console script."""

from missionwatch.cli import main

if __name__ == "__main__":
    main()
