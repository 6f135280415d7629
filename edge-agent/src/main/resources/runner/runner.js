// The session runner page: vanilla JS, no library, served by the agent and working offline.
// Every action is confirmed only after the agent answered, which it does after the journal commit.
'use strict';

const TEXT = {
  vi: {
    offline: 'Mất kết nối', online: 'Đã kết nối', pending: 'Chờ gửi', signOut: 'Đăng xuất',
    noBrief: 'Máy chưa nhận được lịch và danh sách tổ viên từ máy chủ. Hãy kết nối mạng một lần.',
    whoAreYou: 'Bạn là ai?', pinFor: 'Mã PIN của', clear: 'Xoá', ok: 'Vào',
    openSessions: 'Buổi đang diễn ra', scheduled: 'Buổi theo lịch', noSchedule: 'Không có buổi nào sắp tới.',
    unscheduled: 'Buổi không có lịch', topicPlaceholder: 'Chủ đề buổi', start: 'Bắt đầu', resume: 'Tiếp tục',
    back: '← Danh sách buổi', attendees: 'Người tham dự', optionalGroup: 'Chọn nhóm (không bắt buộc) rồi bấm + hoặc −:',
    female: 'Nữ', male: 'Nam', submissions: 'Hồ sơ đã hỗ trợ nộp', searchProcedure: 'Tìm thủ tục, ví dụ: khai sinh',
    chosen: 'Thủ tục đã chọn', dossierPlaceholder: 'Mã hồ sơ (không bắt buộc)', record: 'Ghi nhận',
    withdraw: 'Rút lại', guides: 'Video hướng dẫn', noGuides: 'Chưa có video nào tải xong.', play: 'Phát',
    endSession: 'Kết thúc buổi', notesPlaceholder: 'Ghi chú (không bắt buộc)',
    endSure: 'Kết thúc buổi này? Sau đó không thể ghi thêm.', yesEnd: 'Có, kết thúc', cancel: 'Huỷ', close: 'Đóng',
    today: 'Hôm nay', heldTag: 'Đã tổ chức xong', startedHere: 'Đã bắt đầu', saved: 'Đã lưu', ended: 'Đã kết thúc buổi',
    played: 'đã phát', people: 'người', expected: 'dự kiến',
    err_wrongPin: 'Sai mã PIN', err_pinPaused: 'Sai nhiều lần. Đợi 30 giây rồi thử lại.',
    err_belowZero: 'Không còn ai trong nhóm này để bớt', err_dossierCode: 'Mã hồ sơ có dạng H22.101-240601-0007', err_topicRequired: 'Hãy nhập chủ đề buổi',
    err_signIn: 'Hãy đăng nhập lại', err_journal: 'CHƯA LƯU ĐƯỢC! Hãy thử lại.', err_network: 'Không gọi được chương trình trên máy',
    err_sessionEnded: 'Buổi đã kết thúc', err_other: 'Không thực hiện được'
  },
  en: {
    offline: 'Offline', online: 'Online', pending: 'Waiting to send', signOut: 'Sign out',
    noBrief: 'This PC has not received the schedule and team list from the server yet. Connect it to the network once.',
    whoAreYou: 'Who are you?', pinFor: 'PIN of', clear: 'Clear', ok: 'Enter',
    openSessions: 'Sessions in progress', scheduled: 'Scheduled sessions', noSchedule: 'No upcoming sessions.',
    unscheduled: 'Unscheduled session', topicPlaceholder: 'Session topic', start: 'Start', resume: 'Continue',
    back: '← Sessions', attendees: 'Attendees', optionalGroup: 'Pick a group (optional), then press + or −:',
    female: 'Female', male: 'Male', submissions: 'Assisted submissions', searchProcedure: 'Find a procedure, e.g. khai sinh',
    chosen: 'Chosen procedure', dossierPlaceholder: 'Dossier code (optional)', record: 'Record',
    withdraw: 'Withdraw', guides: 'Video guides', noGuides: 'No guide has finished downloading yet.', play: 'Play',
    endSession: 'End session', notesPlaceholder: 'Notes (optional)',
    endSure: 'End this session? Nothing more can be recorded afterwards.', yesEnd: 'Yes, end it', cancel: 'Cancel', close: 'Close',
    today: 'Today', heldTag: 'Held', startedHere: 'Started', saved: 'Saved', ended: 'Session ended',
    played: 'played', people: 'people', expected: 'expected',
    err_wrongPin: 'Wrong PIN', err_pinPaused: 'Too many wrong PINs. Wait 30 seconds.',
    err_belowZero: 'Nobody left in that group to take away', err_dossierCode: 'A dossier code looks like H22.101-240601-0007', err_topicRequired: 'Type the session topic',
    err_signIn: 'Please sign in again', err_journal: 'NOT SAVED! Try again.', err_network: 'Cannot reach the agent on this PC',
    err_sessionEnded: 'The session has ended', err_other: 'Could not do that'
  }
};

const $ = (id) => document.getElementById(id);
const el = (tag, attrs, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'text') e.textContent = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
};

let lang = localStorage.getItem('dvctt.lang') === 'en' ? 'en' : 'vi';
let state = null;          // last /api/state
let session = null;        // the session on screen
let chosenMember = null;
let chosenProcedure = null;
let gender = null;
let band = null;
let playing = null;        // {contentId, startedAt, playedMs, since}

const t = (key) => TEXT[lang][key] || TEXT.vi[key] || key;

function applyLanguage() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll('[data-i18n-ph]').forEach((e) => { e.placeholder = t(e.dataset.i18nPh); });
  $('lang-toggle').textContent = lang === 'vi' ? 'English' : 'Tiếng Việt';
  renderState();
  if (session) renderSession();
}

function toast(message, bad) {
  const box = $('toast');
  box.textContent = message;
  box.classList.toggle('bad', !!bad);
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, bad ? 4000 : 1500);
}

async function api(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: method === 'GET' ? {} : { 'X-DVCTT-Runner': '1', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (e) {
    toast(t('err_network'), true);
    throw e;
  }
  const json = await response.json();
  if (!response.ok) {
    const message = TEXT[lang]['err_' + json.error] ? t('err_' + json.error) : t('err_other') + ': ' + json.message;
    if (json.error === 'signIn') { session = null; await refresh(); }
    const error = new Error(message);
    error.code = json.error;
    throw error;
  }
  return json;
}

async function act(path, body) {
  try {
    const s = await api('POST', path, body);
    session = s;
    renderSession();
    toast(t('saved'));
    refresh();
    return s;
  } catch (e) {
    if (e.code !== undefined) toast(e.message, true);
    return null;
  }
}

async function refresh() {
  try {
    state = await api('GET', '/api/state');
  } catch (e) {
    $('online-status').dataset.online = 'false';
    return;
  }
  renderState();
}

function renderState() {
  if (!state) return;
  $('online-status').dataset.online = String(state.online);
  $('online-status').textContent = t(state.online ? 'online' : 'offline');
  $('pending-count').textContent = state.pending;
  $('venue-name').textContent = state.brief ? state.brief.venue + ' · ' + state.brief.unit : 'DVCTT';
  $('no-brief').hidden = !!state.brief;
  const signedIn = !!state.me;
  $('me-name').textContent = signedIn ? state.me.name : '';
  $('signout').hidden = !signedIn;
  $('screen-signin').hidden = signedIn || !state.brief;
  $('screen-home').hidden = !signedIn || !!session;
  $('screen-session').hidden = !signedIn || !session;
  if (!signedIn) { renderMembers(); return; }
  renderHome();
  if (session) renderGuides();
}

function renderMembers() {
  const list = $('member-list');
  list.replaceChildren(...state.members.map((m) => el('button', {
    type: 'button', 'data-test': 'member', 'data-member-id': m.id,
    'aria-pressed': String(chosenMember === m.id),
    onclick: () => { chosenMember = m.id; $('pin-input').value = ''; $('signin-error').textContent = '';
      $('pin-member-name').textContent = m.name; $('pin-box').hidden = false; renderMembers(); $('pin-input').focus(); }
  }, el('b', { text: m.name }), el('br'), el('span', { class: 'muted', text: m.role }))));
}

function renderHome() {
  const open = state.open || [];
  $('open-block').hidden = open.length === 0;
  $('open-list').replaceChildren(...open.map((s) => el('div', {},
    el('span', { text: s.topic + ' · ' + s.attendance + ' ' + t('people') }),
    el('button', { type: 'button', class: 'primary', 'data-test': 'open-session', 'data-session-id': s.id,
      text: t('resume'), onclick: () => openSession(s.id) }))));
  const schedule = state.schedule || [];
  $('schedule-empty').hidden = schedule.length > 0;
  $('schedule-list').replaceChildren(...schedule.map((s) => el('div', {},
    el('span', {},
      el('span', { class: 'tag' + (s.today ? ' today' : ''), text: s.today ? t('today') : s.startsAt.slice(0, 10) }), ' ',
      el('b', { text: s.startsAt.slice(11, 16) + '–' + s.endsAt.slice(11, 16) + ' ' + s.topic }), ' ',
      el('span', { class: 'muted', text: (s.audience ? s.audience + ' · ' : '') + s.expected + ' ' + t('expected') })),
    s.ended
      ? el('span', { class: 'tag', 'data-test': 'scheduled-ended', text: t('heldTag') })
      : el('button', { type: 'button', class: s.started ? '' : 'primary', 'data-test': 'start-scheduled',
        'data-session-id': String(s.id), text: s.started ? t('resume') : t('start'),
        onclick: () => startSession({ scheduledSession: s.id }) }))));
}

async function startSession(body) {
  const s = await act('/api/sessions', body);
  if (s) { renderState(); window.scrollTo(0, 0); }
}

async function openSession(id) {
  try {
    session = await api('GET', '/api/sessions/' + id);
    renderState();
    renderSession();
  } catch (e) {
    toast(e.message, true);
  }
}

function renderSession() {
  const s = session;
  $('session-topic').textContent = s.topic;
  $('attendance-total').textContent = s.attendance;
  document.querySelectorAll('[data-count-gender]').forEach((e) => { e.textContent = s.byGender[e.dataset.countGender]; });
  document.querySelectorAll('[data-count-band]').forEach((e) => { e.textContent = s.byAgeBand[e.dataset.countBand]; });
  document.querySelectorAll('[data-gender]').forEach((e) => e.setAttribute('aria-pressed', String(e.dataset.gender === gender)));
  document.querySelectorAll('[data-band]').forEach((e) => e.setAttribute('aria-pressed', String(e.dataset.band === band)));
  $('submission-count').textContent = s.submissions.length;
  $('submission-list').replaceChildren(...s.submissions.slice().reverse().map((x) => el('li', { 'data-test': 'submission', 'data-event-id': x.event },
    el('span', { text: new Date(x.at).toLocaleTimeString(lang) + ' · ' + x.procedureName + (x.dossierCode ? ' · ' + x.dossierCode : '') }),
    el('button', { type: 'button', class: 'small', 'data-test': 'withdraw', text: t('withdraw'),
      onclick: () => act('/api/sessions/' + s.id + '/withdraw', { submission: x.event }) }))));
  $('played-list').replaceChildren(...s.played.map((p) => el('li', { 'data-test': 'played' },
    el('span', { text: p.title + ' · ' + t('played') + ' ' + Math.round(p.playedMs / 1000) + ' s' }))));
  renderGuides();
}

function renderGuides() {
  const guides = (state && state.guides) || [];
  $('guide-empty').hidden = guides.length > 0;
  $('guide-list').replaceChildren(...guides.map((g) => el('button', {
    type: 'button', 'data-test': 'guide-play', 'data-content-id': g.contentId,
    onclick: () => play(g)
  }, el('b', { text: '▶ ' + g.title }))));
}

async function attendance(delta) {
  const body = { delta };
  if (gender) body.gender = gender;
  if (band) body.ageBand = band;
  const s = await act('/api/sessions/' + session.id + '/attendance', body);
  if (s) { gender = null; band = null; renderSession(); }
}

let searchTimer;
function searchProcedures() {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(async () => {
    const q = $('procedure-search').value;
    let result;
    try {
      result = await api('GET', '/api/procedures?q=' + encodeURIComponent(q));
    } catch (e) {
      return;
    }
    $('procedure-results').replaceChildren(...result.procedures.map((p) => el('button', {
      type: 'button', 'data-test': 'procedure-option', 'data-code': p.code,
      onclick: () => { chosenProcedure = p; $('procedure-chosen').textContent = p.name; $('submission-submit').disabled = false;
        $('procedure-results').replaceChildren(); }
    }, el('span', { text: p.name }), el('span', { class: 'muted', text: p.code }))));
  }, 150);
}

async function recordSubmission() {
  if (!chosenProcedure) return;
  const body = { procedureCode: chosenProcedure.code };
  const dossier = $('dossier-code').value.trim();
  if (dossier) body.dossierCode = dossier;
  const s = await act('/api/sessions/' + session.id + '/submissions', body);
  if (s) {
    chosenProcedure = null;
    $('procedure-chosen').textContent = '—';
    $('dossier-code').value = '';
    $('procedure-search').value = '';
    $('submission-submit').disabled = true;
  }
}

function play(guide) {
  const video = $('player-video');
  playing = { guide, startedAt: Date.now(), playedMs: 0, since: null, session: session.id };
  video.src = '/media/' + guide.contentId;
  $('player').hidden = false;
  const box = $('player');
  if (box.requestFullscreen) box.requestFullscreen().catch(() => {});
  video.play().catch(() => {});
}

function playingTick(nowPlaying) {
  if (!playing) return;
  const now = performance.now();
  if (playing.since !== null) playing.playedMs += now - playing.since;
  playing.since = nowPlaying ? now : null;
}

async function closePlayer() {
  const video = $('player-video');
  video.pause();
  playingTick(false);
  const p = playing;
  playing = null;
  video.removeAttribute('src');
  video.load();
  $('player').hidden = true;
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  if (p && p.playedMs >= 1000) {
    // proof of play: which guide, when it started, for how long it actually played
    await act('/api/sessions/' + p.session + '/played', {
      contentId: p.guide.contentId, startedAt: p.startedAt, playedMs: Math.round(p.playedMs)
    });
  }
}

function pinSubmit() {
  const pin = $('pin-input').value;
  if (!chosenMember || pin.length < 4) return;
  api('POST', '/api/signin', { member: chosenMember, pin }).then((s) => {
    state = s;
    session = null;
    $('pin-input').value = '';
    $('pin-box').hidden = true;
    chosenMember = null;
    refresh();
  }).catch((e) => {
    $('pin-input').value = '';
    $('signin-error').textContent = e.message;
  });
}

document.addEventListener('DOMContentLoaded', () => {
  $('lang-toggle').addEventListener('click', () => {
    lang = lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem('dvctt.lang', lang);
    applyLanguage();
  });
  document.querySelectorAll('[data-digit]').forEach((b) => b.addEventListener('click', () => {
    const input = $('pin-input');
    if (input.value.length < 8) input.value += b.dataset.digit;
  }));
  $('pin-clear').addEventListener('click', () => { $('pin-input').value = ''; });
  $('pin-submit').addEventListener('click', pinSubmit);
  $('pin-input').addEventListener('keydown', (e) => { if (e.key === 'Enter') pinSubmit(); });
  $('signout').addEventListener('click', async () => {
    try { state = await api('POST', '/api/signout', {}); } catch (e) { /* shown */ }
    session = null;
    renderState();
  });
  $('start-unscheduled').addEventListener('click', () => {
    const topic = $('unscheduled-topic').value.trim();
    if (!topic) { toast(t('err_topicRequired'), true); return; }
    startSession({ topic }).then(() => { $('unscheduled-topic').value = ''; });
  });
  $('back-home').addEventListener('click', () => { session = null; refresh(); });
  $('attendee-plus').addEventListener('click', () => attendance(1));
  $('attendee-minus').addEventListener('click', () => attendance(-1));
  document.querySelectorAll('[data-gender]').forEach((b) => b.addEventListener('click', () => {
    gender = gender === b.dataset.gender ? null : b.dataset.gender; renderSession();
  }));
  document.querySelectorAll('[data-band]').forEach((b) => b.addEventListener('click', () => {
    band = band === b.dataset.band ? null : b.dataset.band; renderSession();
  }));
  $('procedure-search').addEventListener('input', searchProcedures);
  $('procedure-search').addEventListener('focus', searchProcedures);
  $('submission-submit').addEventListener('click', recordSubmission);
  $('end-session').addEventListener('click', () => { $('end-confirm-box').hidden = false; });
  $('end-cancel').addEventListener('click', () => { $('end-confirm-box').hidden = true; });
  $('end-confirm').addEventListener('click', async () => {
    const s = await act('/api/sessions/' + session.id + '/end', { notes: $('end-notes').value });
    if (s) {
      $('end-confirm-box').hidden = true;
      $('end-notes').value = '';
      toast(t('ended'));
      session = null;
      refresh();
    }
  });
  const video = $('player-video');
  video.addEventListener('playing', () => playingTick(true));
  video.addEventListener('pause', () => playingTick(false));
  video.addEventListener('waiting', () => playingTick(false));
  video.addEventListener('ended', () => closePlayer());
  $('player-close').addEventListener('click', closePlayer);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && playing) closePlayer(); });
  applyLanguage();
  refresh();
  setInterval(refresh, 5000);
});
