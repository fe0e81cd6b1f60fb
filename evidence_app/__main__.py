import sys

# The guard matters: export workers are spawned processes that import this module as __mp_main__.
if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()
    from evidence_app.cli import main

    sys.exit(main())
