// One <script src="https://assistant.example/embed.js"></script> on any page adds a floating button that opens the
// widget in a panel. The widget runs in an iframe from our origin, so the host page's styles and scripts cannot
// reach it (the host must be on the server's CORS_ORIGINS list to frame it).
(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const origin = new URL(script?.src ?? '/', location.href).origin;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = '政策咨询';
  button.setAttribute('aria-label', '打开技改政策助手');
  button.setAttribute('aria-expanded', 'false');
  button.style.cssText = 'position:fixed;right:20px;bottom:20px;z-index:2147483646;border:0;border-radius:24px;padding:12px 18px;background:#07803a;color:#fff;font-size:15px;box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer;font-family:"PingFang SC","Noto Sans CJK SC",sans-serif';
  const panel = document.createElement('iframe');
  panel.title = '技改政策助手';
  panel.src = `${origin}/?embed=1`;
  panel.hidden = true;
  panel.style.cssText = 'position:fixed;right:20px;bottom:80px;z-index:2147483647;width:min(400px,calc(100vw - 24px));height:min(640px,calc(100vh - 110px));border:0;border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.3);background:#ededed';
  button.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
    button.textContent = panel.hidden ? '政策咨询' : '关闭';
  });
  document.body.append(panel, button);
})();
