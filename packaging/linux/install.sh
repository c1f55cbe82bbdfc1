#!/bin/sh
# Install the one-folder build for the current user (no root needed):
#   app folder  -> ~/.local/lib/explorer/          (PREFIX/lib/explorer)
#   launcher    -> ~/.local/bin/explorer-gui       (symlink)
#   menu entry  -> ~/.local/share/applications/explorer.desktop
#   icons       -> ~/.local/share/icons/hicolor/{48,128,256}/apps/explorer.png
#   file type   -> ~/.local/share/mime/packages/explorer.xml (*.explorer.db)
#
# usage: install.sh [--prefix DIR] [APP_FOLDER]     install (or upgrade)
#        install.sh [--prefix DIR] --uninstall      remove all of the above
# APP_FOLDER defaults to ./explorer next to this script (the tarball layout),
# else dist/explorer of the checkout. Projects in the user's data directory
# (~/.local/share/explorer) are never touched.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX="$HOME/.local"
ACTION=install
APP_SRC=""
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) PREFIX="$2"; shift 2 ;;
        --prefix=*) PREFIX="${1#--prefix=}"; shift ;;
        --uninstall) ACTION=uninstall; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        -*) echo "unknown option: $1" >&2; exit 2 ;;
        *) APP_SRC="$1"; shift ;;
    esac
done

# Resource files: next to this script in the source tree and in the tarball.
DESKTOP_SRC="$HERE/explorer.desktop"
MIME_SRC="$HERE/explorer-mime.xml"
ICON_DIR="$HERE/icons"

APP_DIR="$PREFIX/lib/explorer"
BIN="$PREFIX/bin/explorer-gui"
SHARE="$PREFIX/share"
DESKTOP="$SHARE/applications/explorer.desktop"
MIME="$SHARE/mime/packages/explorer.xml"
SIZES="48 128 256"

refresh_caches() {
    # Optional tools: the menu still works without them after the next login.
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$SHARE/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$SHARE/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$SHARE/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$SHARE/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

uninstall() {
    rm -rf "$APP_DIR"
    rm -f "$BIN"
    rm -f "$DESKTOP" "$MIME"
    for size in $SIZES; do
        rm -f "$SHARE/icons/hicolor/${size}x${size}/apps/explorer.png" \
              "$SHARE/icons/hicolor/${size}x${size}/mimetypes/application-x-explorer-project.png"
    done
    refresh_caches
    echo "explorer removed from $PREFIX (your projects in the data directory are kept)"
}

install_app() {
    if [ -z "$APP_SRC" ]; then
        if [ -x "$HERE/explorer/explorer" ]; then APP_SRC="$HERE/explorer"
        else APP_SRC="$HERE/../../dist/explorer"; fi
    fi
    if [ ! -x "$APP_SRC/explorer" ]; then
        echo "no built app at $APP_SRC (run 'make package' first)" >&2
        exit 1
    fi
    APP_SRC=$(cd "$APP_SRC" && pwd)

    mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$SHARE/applications" "$SHARE/mime/packages"
    # Copy beside the old version, then swap, so a failed copy keeps it working.
    rm -rf "$APP_DIR.new"
    cp -R "$APP_SRC" "$APP_DIR.new"
    rm -rf "$APP_DIR"
    mv "$APP_DIR.new" "$APP_DIR"
    ln -sfn "$APP_DIR/explorer" "$BIN"

    # The menu entry runs the app by absolute path: ~/.local/bin is often not
    # on the PATH of the desktop session.
    exec_path=$(printf '%s' "$APP_DIR/explorer" | sed 's/[\\"`$]/\\\\&/g')
    sed -e "s|^Exec=.*|Exec=\"$exec_path\" %F|" \
        -e "s|^TryExec=.*|TryExec=$APP_DIR/explorer|" \
        "$DESKTOP_SRC" > "$DESKTOP"
    chmod 644 "$DESKTOP"
    cp "$MIME_SRC" "$MIME"
    for size in $SIZES; do
        for kind in apps mimetypes; do
            mkdir -p "$SHARE/icons/hicolor/${size}x${size}/$kind"
        done
        cp "$ICON_DIR/explorer-$size.png" "$SHARE/icons/hicolor/${size}x${size}/apps/explorer.png"
        cp "$ICON_DIR/explorer-$size.png" \
           "$SHARE/icons/hicolor/${size}x${size}/mimetypes/application-x-explorer-project.png"
    done
    refresh_caches
    echo "explorer installed: $APP_DIR"
    echo "start it from the applications menu, or run: $BIN"
}

if [ "$ACTION" = uninstall ]; then uninstall; else install_app; fi
