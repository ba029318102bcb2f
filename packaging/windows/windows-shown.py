"""The visible top-level windows of the Windows session, as Windows lists them: handle, class,
title, place, process, styles, owner (check-under-wine.sh logs them with step 1's shot)."""

import ctypes
from ctypes import wintypes

user32 = ctypes.WinDLL("user32", use_last_error=True)
GWL_STYLE, GWL_EXSTYLE, GW_OWNER = -16, -20, 4


def shown(handle: int, _: int) -> bool:
    if user32.IsWindowVisible(handle):
        name = ctypes.create_unicode_buffer(256)
        user32.GetClassNameW(handle, name, 256)
        title = ctypes.create_unicode_buffer(256)
        user32.GetWindowTextW(handle, title, 256)
        rect = wintypes.RECT()
        user32.GetWindowRect(handle, ctypes.byref(rect))
        pid = wintypes.DWORD()
        user32.GetWindowThreadProcessId(handle, ctypes.byref(pid))
        style = user32.GetWindowLongW(handle, GWL_STYLE) & 0xFFFFFFFF
        extended = user32.GetWindowLongW(handle, GWL_EXSTYLE) & 0xFFFFFFFF
        owner = user32.GetWindow(handle, GW_OWNER) or 0
        place = (rect.left, rect.top, rect.right - rect.left, rect.bottom - rect.top)
        print(
            f"Windows: {handle or 0:#x} {name.value} {title.value!r} {place} pid {pid.value}"
            f" style {style:#x} ex {extended:#x} owner {owner:#x}"
        )
    return True


user32.EnumWindows(ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.HWND, wintypes.LPARAM)(shown), 0)
