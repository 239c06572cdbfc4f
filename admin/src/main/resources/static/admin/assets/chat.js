// 聊天测试: talks to /api/chat and shows intent, answer and candidates beside each reply. Text is set with
// textContent only, so nothing a user or an entry says is interpreted as HTML.
(function () {
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('chat-form');
    var input = document.getElementById('chat-text');
    var log = document.getElementById('chat-log');
    var analysis = document.getElementById('chat-analysis');
    var user = log.getAttribute('data-user');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (!text) { return; }
      log.appendChild(el('div', 'chat-msg chat-user', text));
      input.value = '';
      fetch('/api/chat', {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({userId: user, text: text})
      }).then(function (r) { return r.json(); }).then(function (data) {
        var msg = el('div', 'chat-msg chat-bot bot-reply', data.reply || data.detail || '（无回答）');
        log.appendChild(msg);
        log.scrollTop = log.scrollHeight;
        analysis.replaceChildren();
        analysis.appendChild(el('div', 'mb-2', '意图：'));
        analysis.lastChild.appendChild(el('span', 'badge bg-primary intent', data.intent || '-'));
        var answer = el('div', 'mb-2', '回答来源：' + (data.answer ? data.answer.externalId + ' ' + data.answer.title : '无'));
        answer.id = 'chat-answer';
        analysis.appendChild(answer);
        var table = el('table', 'table table-sm');
        var head = el('tr');
        ['候选条目', '标题', '得分'].forEach(function (h) { head.appendChild(el('th', null, h)); });
        table.appendChild(head);
        (data.candidates || []).forEach(function (c) {
          var row = el('tr', 'candidate');
          row.appendChild(el('td', null, c.externalId));
          row.appendChild(el('td', null, c.title));
          row.appendChild(el('td', null, Number(c.score).toFixed(2)));
          table.appendChild(row);
        });
        analysis.appendChild(table);
      }).catch(function () {
        log.appendChild(el('div', 'chat-msg chat-bot text-danger', '请求失败，请稍后重试'));
      });
    });
  });
})();
