import { api, esc, time, money } from './api.js';
import { shell } from './shell.js';
import { Live, describe } from './live.js';

const FORMAT = {
  median_first_response_seconds: (v) => (v === null ? '—' : v < 1 ? `${Math.round(v * 1000)} ms` : `${v.toFixed(1)} s`),
  qualification_rate: (v) => (v === null ? '—' : `${Math.round(v * 100)}%`),
  pipeline_expected_commission: (v) => (v === null ? 'n/a' : money(v)),
};

let funnelChart;
let temperatureChart;

function render(m) {
  document.querySelectorAll('[data-metric]').forEach((el) => {
    const key = el.dataset.metric;
    const v = m[key];
    el.dataset.value = v === null || v === undefined ? '' : String(v);
    el.textContent = (FORMAT[key] || ((x) => (x === null || x === undefined ? '—' : x)))(v);
  });
  const steps = (side) => m.funnel[side].steps.map((s) => s.leads);
  const labels = m.funnel.seller.steps.map((s, i) => `Q${i + 1}`);
  if (!funnelChart) {
    funnelChart = new Chart(document.getElementById('funnel'), {
      type: 'bar',
      data: { labels, datasets: [
        { label: 'Seller', data: steps('seller'), backgroundColor: '#1f4e8c' },
        { label: 'Buyer', data: steps('buyer'), backgroundColor: '#6aa5e0' }] },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    temperatureChart = new Chart(document.getElementById('temperature'), {
      type: 'doughnut',
      data: { labels: ['HOT', 'WARM', 'COLD'], datasets: [{ data: [0, 0, 0], backgroundColor: ['#d1432f', '#e69b20', '#3b82c4'] }] },
      options: { animation: false, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } } },
    });
  }
  funnelChart.data.datasets[0].data = steps('seller');
  funnelChart.data.datasets[1].data = steps('buyer');
  funnelChart.update();
  temperatureChart.data.datasets[0].data = ['HOT', 'WARM', 'COLD'].map((t) => m.temperatures[t]);
  temperatureChart.update();
  document.getElementById('hero').dataset.computedAt = m.computed_at;
}

let pending = null;
function refreshSoon() {
  if (pending) return;
  pending = setTimeout(async () => {
    pending = null;
    render(await api('/api/v1/dashboard/metrics'));
  }, 250);
}

function feed(e) {
  if (e.topic === 'metrics' || e.event === 'lead.updated') return;
  const [what, text] = describe(e);
  const list = document.getElementById('feed');
  list.querySelector('.empty')?.remove();
  const li = document.createElement('li');
  li.className = 'fresh';
  li.dataset.event = e.event;
  li.dataset.contact = (e.data && e.data.contact_id) || '';
  const link = e.data && e.data.contact_id ? `/conversation.html?id=${encodeURIComponent(e.data.contact_id)}` : null;
  li.innerHTML = `<span class="when">${esc(time(e.at))}</span>
    <span><div class="what">${link ? `<a href="${link}">${esc(what)}</a>` : esc(what)}</div><div class="text">${esc(text)}</div></span>`;
  list.prepend(li);
  while (list.children.length > 100) list.lastChild.remove();
}

(async () => {
  const { indicator } = await shell('/');
  render(await api('/api/v1/dashboard/metrics'));
  new Live(['leads', 'conversations', 'appointments', 'metrics'], {
    indicator,
    onEvent: (e) => {
      if (e.event === 'metrics.snapshot') render(e.data);
      else refreshSoon();
      feed(e);
    },
    onResync: refreshSoon,
  }).start();
})();
