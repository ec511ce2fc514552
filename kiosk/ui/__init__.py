"""The Qt layer: windows, pages and view models. Calls services; knows no SQL and no bytes."""
