import { desktopText } from './desktop-text';
import type { DesktopElectron, DesktopTray } from './electron-api';
import { createTrayMenu, toTrayTemplate, trayIconVariant, trayTooltip, type TrayAction, type TrayIconVariant } from './tray-menu';
import type { TrayState } from './tray-state';

export interface TrayControllerDeps {
  Tray: DesktopElectron['Tray'];
  Menu: DesktopElectron['Menu'];
  iconPath(variant: TrayIconVariant): string;
  actions: Readonly<Record<TrayAction, () => void>>;
  /** A left click opens the window on Windows; elsewhere the click shows the menu. */
  clickOpens: boolean;
}

export interface TrayController {
  render(state: TrayState): void;
  destroy(): void;
}

/**
 * Owns the one Tray. The reference is held here for the app's lifetime: a Tray that is
 * garbage-collected takes its icon with it (electron/electron#7095). A changed menu is set
 * anew rather than mutated, which Linux needs to notice the change.
 */
export function createTrayController(deps: TrayControllerDeps): TrayController {
  let tray: DesktopTray | null = null;
  let shownVariant: TrayIconVariant | null = null;
  let shownMenu = '';
  let shownToolTip = '';
  return {
    render(state) {
      const t = desktopText(state.language);
      const variant = trayIconVariant(state);
      if (tray === null) {
        tray = new deps.Tray(deps.iconPath(variant));
        if (deps.clickOpens) tray.on('click', deps.actions.open);
      } else if (variant !== shownVariant) {
        tray.setImage(deps.iconPath(variant));
      }
      shownVariant = variant;
      const toolTip = trayTooltip(state, t);
      if (toolTip !== shownToolTip) tray.setToolTip(toolTip);
      shownToolTip = toolTip;
      // Unchanged menus are not rebuilt: some Linux panels flicker when the menu is replaced.
      const items = createTrayMenu(state, t);
      const key = JSON.stringify(items);
      if (key !== shownMenu) tray.setContextMenu(deps.Menu.buildFromTemplate(toTrayTemplate(items, deps.actions)));
      shownMenu = key;
    },
    // Windows leaves a ghost icon behind unless the tray is destroyed before quitting.
    destroy() {
      tray?.destroy();
      tray = null;
      shownVariant = null;
      shownMenu = '';
      shownToolTip = '';
    },
  };
}
