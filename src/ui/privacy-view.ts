/**
 * The options page's privacy section: what Tifa keeps and where, and
 * "Erase everything" — kept versions, the memory of deleted ones, settings and
 * granted sites — behind a second click, since it cannot be undone (a backup
 * can be exported first).
 */
import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import { ask } from './library';

/** How long the button waits for the confirming click. */
const CONFIRM_MS = 8000;

export function privacySection(onErased: () => void): HTMLElement[] {
  const status = h('p', { class: 'muted', attrs: { id: 'erase-status', role: 'status' } });
  const button = h('button', { class: 'danger', attrs: { id: 'erase-all' } }, t('privErase'));
  let armed: number | undefined;
  const disarm = (): void => {
    window.clearTimeout(armed);
    armed = undefined;
    button.textContent = t('privErase');
  };
  button.addEventListener('click', () => {
    if (armed === undefined) {
      button.textContent = t('privEraseConfirm');
      armed = window.setTimeout(disarm, CONFIRM_MS);
      return;
    }
    disarm();
    void ask<{ versions: number }>({ type: 'eraseAll' }).then(
      (r) => {
        status.className = 'muted';
        status.textContent = t('privErased', r.versions);
        onErased();
      },
      (e: Error) => {
        status.className = 'error';
        status.textContent = e.message;
      },
    );
  });
  return [h('h2', {}, t('privHeading')), h('p', { class: 'muted' }, t('privText')), h('p', {}, button), status];
}
