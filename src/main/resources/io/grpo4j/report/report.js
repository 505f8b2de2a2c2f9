// The monologue browser of a grpo4j report. Reads the completions from the JSON in
// #rollout-data and renders them grouped by prompt, filtered by the form (or by the address:
// #filter=correct, #step=last&q=text). Model text is only ever set with textContent.
(function () {
  'use strict';

  // Errors go into <body data-errors> and a visible box, so a headless test can read them.
  var errors = [];
  function fail(message) {
    errors.push(String(message));
    document.body.setAttribute('data-errors', errors.join(' | '));
    var box = document.getElementById('errors');
    if (box) {
      box.hidden = false;
      box.textContent = 'The report script failed: ' + errors.join(' | ');
    }
  }
  window.addEventListener('error', function (e) { fail(e.message || 'script error'); });
  window.addEventListener('unhandledrejection', function (e) { fail('unhandled rejection: ' + e.reason); });

  var GROUPS_PER_PAGE = 40;
  var data;      // {rows, prompts, rules, steps, correctnessRule, formatRule}
  var groups;    // [{key, step, id, rows: [row], zero}] in file order
  var state;     // the current filters
  var limit = GROUPS_PER_PAGE;

  function $(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function num(v) {
    if (v === null || v === undefined) { return '–'; }
    if (Math.abs(v) >= 100) { return v.toFixed(0); }
    return String(Number(v.toFixed(3)));
  }

  function signed(v) {
    return v === null || v === undefined ? '–' : (v > 0 ? '+' : '') + num(v);
  }

  // --- data -------------------------------------------------------------------------------

  function load() {
    data = JSON.parse($('rollout-data').textContent);
    var byKey = {};
    groups = [];
    data.rows.forEach(function (r) {
      var key = r.step + '\u0000' + r.id;
      var g = byKey[key];
      if (!g) {
        g = byKey[key] = {key: key, step: r.step, id: r.id, rows: [], order: groups.length};
        groups.push(g);
      }
      g.rows.push(r);
      r.group = g;
    });
    groups.forEach(function (g) {
      var first = g.rows[0].reward;
      g.zero = g.rows.length > 1 && g.rows.every(function (r) { return r.reward === first; });
      g.mean = mean(g.rows.map(function (r) { return r.reward; }));
      g.std = std(g.rows.map(function (r) { return r.reward; }), g.mean);
      g.rows.sort(function (a, b) { return a.sample - b.sample; });
    });
  }

  function mean(xs) {
    var v = xs.filter(function (x) { return x !== null; });
    return v.length ? v.reduce(function (a, b) { return a + b; }, 0) / v.length : null;
  }

  function std(xs, m) {
    var v = xs.filter(function (x) { return x !== null; });
    if (!v.length || m === null) { return null; }
    return Math.sqrt(v.reduce(function (a, x) { return a + (x - m) * (x - m); }, 0) / v.length);
  }

  function lastStep() {
    return data.steps.length ? data.steps[data.steps.length - 1] : null;
  }

  // --- filters ----------------------------------------------------------------------------

  var DEFAULTS = {step: '', correct: '', format: '', rule: '', rule_is: 'full', finish: '', zero_variance: false, q: '', sort: ''};
  var FIELDS = {step: 'f-step', correct: 'f-correct', format: 'f-format', rule: 'f-rule', rule_is: 'f-rule-is',
    finish: 'f-finish', q: 'f-q', sort: 'f-sort'};

  // Filters from the query and the fragment (the fragment wins). filter= takes the words of
  // `grpo4j inspect --filter`.
  function fromAddress() {
    var s = Object.assign({}, DEFAULTS);
    [location.search, location.hash].forEach(function (part) {
      var p = new URLSearchParams(part.replace(/^[?#]/, ''));
      Object.keys(DEFAULTS).forEach(function (k) {
        if (p.has(k)) { s[k] = k === 'zero_variance' ? p.get(k) !== '0' && p.get(k) !== 'false' : p.get(k); }
      });
      var f = p.get('filter');
      if (f === 'correct' || f === 'wrong') { s.correct = f; }
      if (f === 'format-fail') { s.format = 'fail'; }
      if (f === 'truncated') { s.finish = 'length'; }
      if (f === 'zero-variance') { s.zero_variance = true; }
    });
    if (s.step === 'last' && lastStep() !== null) { s.step = String(lastStep()); }
    return s;
  }

  function toForm(s) {
    var notes = [];
    Object.keys(FIELDS).forEach(function (k) {
      var input = $(FIELDS[k]);
      input.value = s[k];
      if (input.value !== s[k]) { // a value the select does not offer
        notes.push(k + '=' + s[k] + ' is not available here');
        input.value = DEFAULTS[k];
      }
    });
    $('f-zero').checked = !!s.zero_variance;
    return notes;
  }

  function fromForm() {
    var s = {};
    Object.keys(FIELDS).forEach(function (k) { s[k] = $(FIELDS[k]).value; });
    s.zero_variance = $('f-zero').checked;
    return s;
  }

  function toAddress(s) {
    var p = new URLSearchParams();
    Object.keys(DEFAULTS).forEach(function (k) {
      if (s[k] !== DEFAULTS[k] && !(k === 'rule_is' && !s.rule)) { p.set(k, k === 'zero_variance' ? '1' : s[k]); }
    });
    var text = p.toString();
    try {
      history.replaceState(null, '', text ? '#' + text : location.pathname + location.search);
    } catch (e) {
      // some browsers refuse history changes on file:// pages; the filters still work
    }
  }

  function ruleScore(r, rule) {
    var v = rule ? r.rewards[rule] : undefined;
    return v === undefined ? null : v;
  }

  function matches(r, s, q) {
    if (s.step !== '' && r.step !== Number(s.step)) { return false; }
    if (s.correct) {
      var c = ruleScore(r, data.correctnessRule);
      if (s.correct === 'correct' ? c !== 1 : c === null || c === 1) { return false; }
    }
    if (s.format) {
      var f = ruleScore(r, data.formatRule);
      if (s.format === 'pass' ? f !== 1 : f === null || f === 1) { return false; }
    }
    if (s.rule) {
      var v = ruleScore(r, s.rule);
      var ok = s.rule_is === 'na' ? v === null
        : v !== null && (s.rule_is === 'full' ? v >= 1 : s.rule_is === 'zero' ? v <= 0 : v > 0 && v < 1);
      if (!ok) { return false; }
    }
    if (s.finish && r.finish !== s.finish) { return false; }
    if (s.zero_variance && !r.group.zero) { return false; }
    if (q) {
      if (r.haystack === undefined) {
        r.haystack = [data.prompts[r.p], r.completion, r.gold, r.id].join('\n').toLowerCase();
      }
      if (r.haystack.indexOf(q) < 0) { return false; }
    }
    return true;
  }

  // --- rendering --------------------------------------------------------------------------

  function render() {
    var s = state;
    $('f-rule-is').disabled = !s.rule; // "scored 1" means nothing until a rule is chosen
    var q = s.q.trim().toLowerCase();
    var key = s.sort;
    var shown = [];
    var count = 0;
    groups.forEach(function (g) {
      var rows = g.rows.filter(function (r) { return matches(r, s, q); });
      if (rows.length) {
        if (key) {
          rows = rows.slice().sort(function (a, b) { return (b[key] === null ? -Infinity : b[key]) - (a[key] === null ? -Infinity : a[key]); });
        }
        shown.push({group: g, rows: rows, top: key ? rows[0][key] : 0});
        count += rows.length;
      }
    });
    shown.sort(function (a, b) {
      if (key && a.top !== b.top) { return (b.top === null ? -Infinity : b.top) - (a.top === null ? -Infinity : a.top); }
      return b.group.step - a.group.step || a.group.order - b.group.order;
    });
    var list = $('list');
    list.textContent = '';
    var rendered = 0;
    shown.slice(0, limit).forEach(function (m) {
      list.appendChild(groupView(m.group, m.rows));
      rendered += m.rows.length;
    });
    list.setAttribute('data-matching', String(count));
    list.setAttribute('data-rendered', String(rendered));
    list.setAttribute('data-groups', String(shown.length));
    $('count').textContent = count + ' of ' + data.rows.length + ' completions match, in ' + shown.length + ' group'
      + (shown.length === 1 ? '' : 's') + (shown.length > limit ? ' (showing the first ' + limit + ' groups)' : '')
      + (state.notes.length ? ' · ' + state.notes.join('; ') : '');
    $('more').hidden = shown.length <= limit;
  }

  function groupView(g, rows) {
    var box = el('div', 'group');
    var head = el('div', 'group-head');
    head.appendChild(el('span', 'gid', 'step ' + g.step + ' · ' + g.id));
    var gold = g.rows[0].gold;
    if (gold !== null) { head.appendChild(el('span', null, 'gold ' + gold)); }
    head.appendChild(el('span', null, g.rows.length + ' logged sample' + (g.rows.length === 1 ? '' : 's')
      + (rows.length < g.rows.length ? ', ' + rows.length + ' match' : '')));
    head.appendChild(el('span', null, 'reward mean ' + num(g.mean) + ', std ' + num(g.std)));
    if (g.zero) { head.appendChild(el('span', 'zero', 'zero variance: no learning signal')); }
    box.appendChild(head);
    var prompt = data.prompts[g.rows[0].p] || '';
    var details = el('details', 'prompt');
    var tail = prompt.length > 160 ? '…' + prompt.slice(prompt.length - 160) : prompt;
    details.appendChild(el('summary', null, 'prompt: ' + tail.replace(/\s+/g, ' ')));
    details.appendChild(el('pre', null, prompt));
    box.appendChild(details);
    var samples = el('div', 'samples');
    rows.forEach(function (r) { samples.appendChild(sampleView(r)); });
    box.appendChild(samples);
    return box;
  }

  function sampleView(r) {
    var c = ruleScore(r, data.correctnessRule);
    var card = el('div', 'sample' + (c === null ? '' : c === 1 ? ' correct' : ' wrong'));
    var head = el('div', 'sample-head');
    head.appendChild(el('b', null, '#' + r.sample));
    head.appendChild(el('span', null, 'reward ' + num(r.reward)));
    head.appendChild(el('span', r.advantage > 0 ? 'adv-pos' : r.advantage < 0 ? 'adv-neg' : null, 'adv ' + signed(r.advantage)));
    head.appendChild(el('span', null, r.length + ' tokens'));
    head.appendChild(el('span', null, r.finish === 'length' ? 'truncated' : r.finish));
    card.appendChild(head);
    var chips = el('div', 'chips');
    data.rules.forEach(function (rule) {
      if (!(rule in r.rewards)) { return; }
      var v = r.rewards[rule];
      var chip = el('span', 'chip' + (v === null ? '' : v >= 1 ? ' full' : v <= 0 ? ' none' : ' part'), rule + ' ' + num(v));
      if (r.reasons[rule]) { chip.title = r.reasons[rule]; }
      chips.appendChild(chip);
    });
    card.appendChild(chips);
    part(card, 'think', r.think);
    part(card, 'answer', r.answer);
    var raw = el('details');
    raw.appendChild(el('summary', null, 'raw completion'));
    raw.appendChild(el('pre', 'raw', r.completion));
    card.appendChild(raw);
    return card;
  }

  function part(card, name, text) {
    card.appendChild(el('div', 'part-label', name));
    card.appendChild(text === null ? el('pre', 'missing', 'no ' + name + ' part') : el('pre', name, text));
  }

  // --- wiring -----------------------------------------------------------------------------

  function fillOptions() {
    var step = $('f-step');
    data.steps.slice().reverse().forEach(function (s) { step.appendChild(new Option('step ' + s, String(s))); });
    var rule = $('f-rule');
    data.rules.forEach(function (r) { rule.appendChild(new Option(r, r)); });
    if (!data.correctnessRule) { $('f-correct').disabled = true; }
    if (!data.formatRule) { $('f-format').disabled = true; }
  }

  function apply(fromUser) {
    limit = GROUPS_PER_PAGE;
    var notes = state ? state.notes : [];
    state = fromForm();
    state.notes = fromUser ? [] : notes;
    if (fromUser) { toAddress(state); }
    render();
  }

  function main() {
    load();
    fillOptions();
    var initial = fromAddress();
    var notes = toForm(initial);
    state = fromForm();
    state.notes = notes;
    render();
    $('filters').addEventListener('change', function () { apply(true); });
    $('f-q').addEventListener('input', function () { apply(true); });
    $('filters').addEventListener('submit', function (e) { e.preventDefault(); });
    $('f-reset').addEventListener('click', function () { toForm(DEFAULTS); apply(true); });
    $('more').addEventListener('click', function () { limit += GROUPS_PER_PAGE; render(); });
    window.addEventListener('hashchange', function () {
      var n = toForm(fromAddress());
      state = fromForm();
      state.notes = n;
      render();
    });
  }

  try {
    main();
    document.body.setAttribute('data-ready', 'true');
  } catch (e) {
    fail(e && e.stack ? e.stack : e);
  }
})();
