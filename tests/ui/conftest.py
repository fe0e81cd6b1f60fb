import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QThreadPool  # noqa: E402


@pytest.fixture
def qsettings(tmp_path):
    from evidence_app.ui.app import app_settings

    return app_settings(str(tmp_path / "gui.ini"))


@pytest.fixture
def window(qtbot, qapp, lib, qsettings):
    from evidence_app.ui.app import create_app, install_language
    from evidence_app.ui.main_window import MainWindow

    create_app()
    install_language(qapp, "zh_CN")
    win = MainWindow(lib, qsettings)
    win.kind_chooser = lambda paths, suggested, kinds=None: suggested
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    win.shutdown()
    win.close()  # before the library closes: nothing may paint from a closed database
    assert QThreadPool.globalInstance().waitForDone(30000), "a background worker was left running"
    install_language(qapp, "zh_CN")


@pytest.fixture
def case_window(window, lib):
    case = lib.create_case("signed_not_received", "taobao", order_no="9001", buyer="小李")
    window.refresh_cases()
    window.open_case(case.id)
    return window, case
