// The public website chat: one session id per browser, each message answered by the concierge.
const KEY = 'jorge_chat_session';
const rid = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
let session = localStorage.getItem(KEY);
if (!session) {
  session = `web-${rid()}`;
  localStorage.setItem(KEY, session);
}

const list = document.getElementById('messages');
function add(text, who) {
  const div = document.createElement('div');
  div.className = `bubble ${who}`;
  div.dataset.author = who;
  div.textContent = text;
  list.append(div);
  list.scrollTop = list.scrollHeight;
}

document.getElementById('composer').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = document.getElementById('text');
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  add(text, 'lead');
  const send = document.getElementById('send');
  send.disabled = true;
  try {
    const r = await fetch('/api/v1/chat/messages', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ session_id: session, text, client_message_id: rid() }),
    });
    const body = await r.json().catch(() => null);
    if (!r.ok) {
      add((body && body.error && body.error.message) || 'Sorry, something went wrong. Please try again.', 'bot');
    } else {
      body.replies.forEach((reply) => add(reply.text, 'bot'));
      list.dataset.temperature = body.temperature || '';
      list.dataset.contact = body.contact_id;
    }
  } catch (err) {
    add('We could not reach the server. Please try again.', 'bot');
  } finally {
    send.disabled = false;
    input.focus();
  }
});
