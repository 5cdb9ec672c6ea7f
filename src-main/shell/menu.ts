import { Menu, type MenuItemConstructorOptions } from 'electron'

export interface MenuOptions {
  isPackaged: boolean
  platform: NodeJS.Platform
  appName: string
  onAbout: () => void
}

/** The Vietnamese application menu as a template (pure data, so it is testable without Electron). */
export function menuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [{ label: 'Tải lại', role: 'reload' }]
  if (!opts.isPackaged) view.push({ label: 'Công cụ phát triển', role: 'toggleDevTools' })
  view.push(
    { type: 'separator' },
    { label: 'Cỡ chữ mặc định', role: 'resetZoom' },
    { label: 'Phóng to', role: 'zoomIn' },
    { label: 'Thu nhỏ', role: 'zoomOut' },
    { type: 'separator' },
    { label: 'Toàn màn hình', role: 'togglefullscreen' }
  )
  const template: MenuItemConstructorOptions[] = [
    { label: 'Tệp', submenu: [{ label: 'Thoát', role: 'quit' }] },
    {
      label: 'Sửa',
      submenu: [
        { label: 'Hoàn tác', role: 'undo' },
        { label: 'Làm lại', role: 'redo' },
        { type: 'separator' },
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
        { label: 'Chọn tất cả', role: 'selectAll' }
      ]
    },
    { label: 'Xem', submenu: view },
    { label: 'Trợ giúp', submenu: [{ label: 'Giới thiệu', click: () => opts.onAbout() }] }
  ]
  // On macOS the first menu is the application menu.
  if (opts.platform === 'darwin') {
    template.unshift({
      label: opts.appName,
      submenu: [
        { label: `Giới thiệu ${opts.appName}`, click: () => opts.onAbout() },
        { type: 'separator' },
        { label: 'Ẩn', role: 'hide' },
        { type: 'separator' },
        { label: 'Thoát', role: 'quit' }
      ]
    })
  }
  return template
}

export function installMenu(opts: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(opts)))
}
