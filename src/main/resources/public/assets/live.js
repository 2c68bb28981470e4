// The live event stream: a WebSocket authenticated with a single-use ticket, resumed after any
// disconnect from the last seq seen per topic, so nothing is missed or shown twice.
import { api } from './api.js';

export class Live {
  constructor(topics, { onEvent, onResync, indicator } = {}) {
    this.topics = topics;
    this.onEvent = onEvent || (() => {});
    this.onResync = onResync || (() => {});
    this.indicator = indicator;
    this.last = {};
    this.retry = 0;
    this.ws = null;
    this.pinger = null;
  }

  start() {
    this.connect();
    return this;
  }

  state(s) {
    if (!this.indicator) return;
    this.indicator.className = `conn ${s}`;
    this.indicator.textContent = { connected: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' }[s];
    this.indicator.dataset.state = s;
  }

  async connect() {
    this.state(this.retry === 0 && !this.ws ? 'reconnecting' : 'reconnecting');
    let ticket;
    try {
      ticket = (await api('/api/v1/ws/ticket', { method: 'POST' })).ticket;
    } catch (e) {
      return this.later();
    }
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/api/v1/ws`);
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', token: ticket }));
    ws.onmessage = (m) => this.message(ws, JSON.parse(m.data));
    ws.onclose = () => {
      clearInterval(this.pinger);
      if (this.ws === ws) this.later();
    };
  }

  message(ws, msg) {
    switch (msg.type) {
      case 'welcome': {
        const since = {};
        for (const t of this.topics) {
          since[t] = this.last[t] !== undefined ? this.last[t] : msg.latest[t];
          if (this.last[t] === undefined) this.last[t] = msg.latest[t];
        }
        ws.send(JSON.stringify({ type: 'subscribe', topics: this.topics, since }));
        this.retry = 0;
        this.state('connected');
        this.pinger = setInterval(() => ws.readyState === 1 && ws.send('{"type":"ping"}'), 25000);
        break;
      }
      case 'event':
        if (this.last[msg.topic] !== undefined && msg.seq <= this.last[msg.topic]) return;
        this.last[msg.topic] = msg.seq;
        this.onEvent(msg);
        break;
      case 'resync':
        this.last[msg.topic] = msg.latest;
        this.onResync(msg.topic);
        break;
      default:
        break;
    }
  }

  later() {
    this.state(this.retry > 5 ? 'offline' : 'reconnecting');
    const delay = Math.min(10000, 500 * 2 ** this.retry++);
    setTimeout(() => this.connect(), delay);
  }
}

// A short human description of an event for the activity feed.
export function describe(e) {
  const d = e.data || {};
  const who = d.name || 'A lead';
  switch (e.event) {
    case 'lead.created': return [`New lead: ${who}`, `via ${d.channel || 'chat'}`];
    case 'lead.updated': return [`${who} updated`, [d.bot, d.temperature, d.asking && `asking ${d.asking}`].filter(Boolean).join(' · ')];
    case 'lead.temperature_changed': return [`${who} is now ${d.to}`, d.from ? `was ${d.from}` : ''];
    case 'lead.hot': return [`HOT lead: ${who}`, 'alert sent to the agent'];
    case 'lead.scored': return [`${who} scored ${d.score ?? ''}`, d.model_version ? `model ${d.model_version}` : ''];
    case 'message.received': return [`${who} wrote`, d.text || ''];
    case 'message.sent': return [d.author === 'human' ? `Agent replied to ${who}` : `Bot replied to ${who}`, d.text || ''];
    case 'bot.handoff': return [`${who}: ${d.from} → ${d.to}`, d.reason || ''];
    case 'human.takeover': return [`Agent took over ${who}`, d.reason || ''];
    case 'human.released': return [`${who} handed back to the bots`, ''];
    case 'contact.opted_out': return [`${who} opted out`, 'no more messages'];
    case 'followup.scheduled': return [`Follow-up scheduled for ${who}`, d.due_at || ''];
    case 'followup.sent': return [`Follow-up sent to ${who}`, d.text || ''];
    case 'appointment.offered': return [`Times offered to ${who}`, (d.slots || []).join(', ')];
    case 'appointment.booked': return [`Appointment booked: ${who}`, d.start || ''];
    case 'model.trained': return ['Model trained', d.version || ''];
    case 'model.promoted': return ['Model promoted', d.version || ''];
    case 'alert': return ['Alert', d.message || d.summary || ''];
    default: return [e.event, ''];
  }
}
