#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "observatory.settings")
    # Commands may run long statements (imports, index rebuilds); the web's statement limit is for requests.
    if sys.argv[1:2] != ["runserver"]:
        os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "0")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
