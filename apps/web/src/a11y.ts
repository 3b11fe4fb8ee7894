/**
 * antd's Select (rc-select) renders its options' listbox (`<div role="listbox" id="<input id>_list">`) with no
 * accessible name, which axe-core reports as a serious violation (aria-input-field-name). Until the library names it,
 * each such listbox gets the name of the combobox that owns it: its `<label for>`, else its aria-label.
 */
export function nameSelectListboxes(root: HTMLElement = document.body): MutationObserver {
  const name = () => {
    for (const list of root.querySelectorAll<HTMLElement>(
      '[role="listbox"][id$="_list"]:not([aria-label]):not([aria-labelledby])',
    )) {
      const inputId = list.id.slice(0, -'_list'.length);
      const input = document.getElementById(inputId);
      const label =
        document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(inputId)}"]`)?.textContent?.trim() ||
        input?.getAttribute('aria-label');
      if (label) list.setAttribute('aria-label', label);
    }
  };
  const observer = new MutationObserver(name);
  observer.observe(root, { childList: true, subtree: true });
  name();
  return observer;
}
