const form = document.getElementById('login');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const error = document.getElementById('error');
  error.hidden = true;
  const f = new FormData(form);
  const r = await fetch('/api/v1/auth/login', {
    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: f.get('username'), password: f.get('password') }),
  });
  if (r.ok) {
    const next = new URLSearchParams(location.search).get('next');
    location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
    return;
  }
  const body = await r.json().catch(() => null);
  error.textContent = (body && body.error && body.error.message) || 'Login failed';
  error.hidden = false;
});
