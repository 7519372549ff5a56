// The page config JupyterLab's server would inline into its page, built at load from the page's
// own URL: <base>/static/nbguard-lab/index.html?token=T&path=dir/name.ipynb. Served same-origin
// by the Jupyter server (or by a proxy in front of it), so the base URL is whatever precedes
// /static/ in the path and the WebSocket URL is the page's own host.
import { PageConfig } from '@jupyterlab/coreutils';

const STATIC_MARK = '/static/';

export function configurePage(location) {
  const pathname = location.pathname;
  const at = pathname.indexOf(STATIC_MARK);
  const baseUrl = at >= 0 ? pathname.slice(0, at + 1) : '/';
  const params = new URLSearchParams(location.search);
  const wsScheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const options = {
    appName: 'JupyterLab',
    baseUrl,
    wsUrl: `${wsScheme}//${location.host}${baseUrl}`,
    token: params.get('token') || '',
    appendToken: 'true',
    notebookPath: params.get('path') || 'Untitled.ipynb',
    treePath: ''
  };
  for (const [key, value] of Object.entries(options)) {
    PageConfig.setOption(key, value);
  }
  return options;
}
