import type { TegsoftSettings } from './settings';

/** The widget page on every Tegsoft server (section 1.2, "Importing Widget with IFrame"). */
export const WIDGET_PATH = '/Tobe/forms/TegsoftVue/';
/** The form the widget page loads; written as the document writes it (slashes unescaped). */
export const WIDGET_FILE_NAME = 'forms/TegsoftTelecom/tegsoftWidget';

/** The login part of the widget settings: the token alone, or usercode with clearpassword. */
type WidgetLogin = Pick<TegsoftSettings, 'hostname' | 'sessionType' | 'token' | 'usercode' | 'clearpassword'>;

/**
 * The iframe URL with auto login, exactly as the document gives it:
 * `…/Tobe/forms/TegsoftVue/?fileName=forms/TegsoftTelecom/tegsoftWidget&sessiontype=agent&token=…`
 * (or `&usercode=…&clearpassword=…`). Values are percent-encoded, so a token or password holding
 * `&`, `#` or `+` reaches the server whole.
 */
export function widgetUrl(settings: WidgetLogin): string {
  const query = [`fileName=${WIDGET_FILE_NAME}`, `sessiontype=${encodeURIComponent(settings.sessionType)}`];
  if (settings.token !== undefined) query.push(`token=${encodeURIComponent(settings.token)}`);
  else {
    query.push(`usercode=${encodeURIComponent(settings.usercode ?? '')}`);
    query.push(`clearpassword=${encodeURIComponent(settings.clearpassword ?? '')}`);
  }
  return `${widgetOrigin(settings)}${WIDGET_PATH}?${query.join('&')}`;
}

/** The widget's origin: the only target of our messages and the only sender we accept. */
export function widgetOrigin(settings: Pick<TegsoftSettings, 'hostname'>): string {
  return new URL(settings.hostname).origin;
}
