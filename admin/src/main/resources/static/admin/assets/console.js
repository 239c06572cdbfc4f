// Staff console behaviour without inline scripts (the Content Security Policy allows only our own files).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
document.addEventListener('change', function (event) {
  if (event.target.matches('[data-select-all]')) {
    document.querySelectorAll('input[name="' + event.target.getAttribute('data-select-all') + '"]')
      .forEach(function (box) { box.checked = event.target.checked; });
  }
});
