// 数据看板 charts (ECharts), drawn from /admin/dashboard/data for the chosen date range.
document.addEventListener('DOMContentLoaded', function () {
  var charts = document.getElementById('charts');
  fetch(charts.getAttribute('data-source'), {headers: {'Accept': 'application/json'}})
    .then(function (r) { return r.json(); })
    .then(function (f) {
      var days = f.days.map(function (d) { return d.day.substring(5); });
      var red = '#c62828';
      echarts.init(document.getElementById('chart-days')).setOption({
        tooltip: {trigger: 'axis'}, legend: {data: ['提问数', '未答数']},
        xAxis: {type: 'category', data: days}, yAxis: {type: 'value', minInterval: 1},
        series: [{name: '提问数', type: 'bar', color: '#1565c0', data: f.days.map(function (d) { return d.questions; })},
                 {name: '未答数', type: 'line', color: red, data: f.days.map(function (d) { return d.unanswered; })}]
      });
      echarts.init(document.getElementById('chart-rates')).setOption({
        tooltip: {trigger: 'axis', valueFormatter: function (v) { return v == null ? '暂无评价' : (v * 100).toFixed(1) + '%'; }},
        legend: {data: ['未答率', '满意度（用户评价）']},
        xAxis: {type: 'category', data: days}, yAxis: {type: 'value', max: 1, axisLabel: {formatter: function (v) { return v * 100 + '%'; }}},
        series: [{name: '未答率', type: 'line', color: red, data: f.days.map(function (d) { return d.unansweredRate; })},
                 {name: '满意度（用户评价）', type: 'line', color: '#2e7d32', showAllSymbol: true,
                  data: f.days.map(function (d) { return d.satisfaction; })}]
      });
      echarts.init(document.getElementById('chart-intents')).setOption({
        tooltip: {trigger: 'item'},
        series: [{type: 'pie', radius: ['35%', '65%'],
                  data: Object.keys(f.intents).map(function (k) { return {name: k, value: f.intents[k]}; })}]
      });
      var top = f.topEntries.slice().reverse();
      echarts.init(document.getElementById('chart-entries')).setOption({
        tooltip: {trigger: 'axis'}, grid: {left: 180},
        xAxis: {type: 'value', minInterval: 1},
        yAxis: {type: 'category', data: top.map(function (e) { return e.title.length > 14 ? e.title.substring(0, 14) + '…' : e.title; })},
        series: [{type: 'bar', color: red, data: top.map(function (e) { return e.count; })}]
      });
      var labels = {WECHAT: '微信', SMS: '短信', EMAIL: '邮件'};
      var steps = [['sent', '已发送'], ['delivered', '已送达'], ['failed', '失败'], ['clicked', '点击'], ['useful', '有用']];
      echarts.init(document.getElementById('chart-channels')).setOption({
        tooltip: {trigger: 'axis'}, legend: {data: steps.map(function (s) { return s[1]; })},
        xAxis: {type: 'category', data: f.channels.map(function (c) { return labels[c.channel] || c.channel; })},
        yAxis: {type: 'value', minInterval: 1},
        color: ['#1565c0', '#2e7d32', red, '#f9a825', '#6a1b9a'],
        series: steps.map(function (s) {
          return {name: s[1], type: 'bar', data: f.channels.map(function (c) { return c[s[0]]; })};
        })
      });
    });
});
