// The page frame: navigation, the signed-in user, logout and the connection indicator.
import { api, me, esc } from './api.js';

const PAGES = [
  ['/', 'Overview'],
  ['/leads.html', 'Leads'],
  ['/model.html', 'Model'],
  ['/system.html', 'System'],
];

export async function shell(active) {
  const header = document.createElement('header');
  header.className = 'top';
  header.innerHTML = `
    <a class="brand" href="/">Jorge</a>
    <nav>${PAGES.map(([href, name]) =>
      `<a href="${href}" class="${href === active ? 'active' : ''}">${name}</a>`).join('')}</nav>
    <div class="right">
      <span id="conn" class="conn reconnecting" data-state="reconnecting">Connecting…</span>
      <span id="who"></span>
      <button id="logout" type="button">Log out</button>
    </div>`;
  document.body.prepend(header);
  const user = await me();
  document.getElementById('who').innerHTML = `${esc(user.username)} <span class="badge">${esc(user.role)}</span>`;
  document.getElementById('logout').addEventListener('click', async () => {
    await api('/api/v1/auth/logout', { method: 'POST' });
    location.href = '/login.html';
  });
  return { user, indicator: document.getElementById('conn') };
}
