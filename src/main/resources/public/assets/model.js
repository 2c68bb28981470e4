import { api, esc, dateTime } from './api.js';
import { shell } from './shell.js';
import { Live } from './live.js';

const fmt = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : v ?? '—');
let chart;

async function load() {
  let m;
  try {
    m = await api('/api/v1/ml/model');
  } catch (e) {
    document.getElementById('active').innerHTML = e.status === 404
      ? '<p class="muted" data-unavailable>Scoring is not available on this server yet.</p>'
      : `<p class="error">${esc(e.message)}</p>`;
    document.getElementById('versions').innerHTML = '<p class="muted">None.</p>';
    document.getElementById('reliability-note').textContent = 'No model, no reliability table.';
    return;
  }
  const a = m.active;
  const metrics = (a && a.metrics) || {};
  document.getElementById('active').innerHTML = a ? `<dl class="kv">
      <dt>Version</dt><dd data-version>${esc(a.version)}</dd>
      <dt>Status</dt><dd>${esc(a.status)}</dd>
      <dt>Trained</dt><dd>${esc(dateTime(a.created_at))} by ${esc(a.trained_by)}</dd>
      <dt>Training data</dt><dd>${esc(a.training_data)}</dd>
      ${['auc', 'brier', 'ece', 'top_decile_lift', 'holdout_rows'].filter((k) => metrics[k] !== undefined)
        .map((k) => `<dt>${esc(k.toUpperCase().replace(/_/g, ' '))}</dt><dd>${esc(fmt(metrics[k]))}</dd>`).join('')}
    </dl>` : '<p class="muted">No active model.</p>';
  document.getElementById('versions').innerHTML = (m.versions || []).length
    ? `<table><thead><tr><th>Version</th><th>Status</th><th>Created</th><th>AUC</th><th>ECE</th></tr></thead><tbody>
      ${m.versions.map((v) => `<tr><td>${esc(v.version)}</td><td>${esc(v.status)}</td><td>${esc(dateTime(v.created_at))}</td>
        <td>${esc(fmt(v.metrics && v.metrics.auc))}</td><td>${esc(fmt(v.metrics && v.metrics.ece))}</td></tr>`).join('')}</tbody></table>`
    : '<p class="muted">None.</p>';
  const bins = metrics.reliability || [];
  document.getElementById('reliability-note').textContent = bins.length
    ? 'Mean predicted probability against the observed rate, per bin; the diagonal is perfect calibration.'
    : 'The active model has no reliability table.';
  const points = bins.map((b) => ({ x: b.mean_predicted, y: b.observed_rate }));
  if (chart) chart.destroy();
  chart = new Chart(document.getElementById('reliability'), {
    type: 'scatter',
    data: { datasets: [
      { label: 'Observed', data: points, showLine: true, borderColor: '#1f4e8c', backgroundColor: '#1f4e8c' },
      { label: 'Perfect', data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], showLine: true, borderDash: [4, 4], borderColor: '#9aa3b5', pointRadius: 0 }] },
    options: { animation: false, maintainAspectRatio: false,
      scales: { x: { min: 0, max: 1, title: { display: true, text: 'Predicted' } }, y: { min: 0, max: 1, title: { display: true, text: 'Observed' } } } },
  });
}

(async () => {
  const { indicator } = await shell('/model.html');
  await load();
  new Live(['ml'], { indicator, onEvent: load, onResync: load }).start();
})();
