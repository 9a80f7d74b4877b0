// The dashboard's only script: charts drawn from the data tables beside them, and instant
// filtering of the link table. Every page works without it; the filters also work on the server.
(function () {
  'use strict';

  var COLOURS = ['#14365d', '#2f8f5b', '#b35900', '#8a1414'];

  function number(text) {
    return Number(text.replace(/[^0-9-]/g, '')) || 0;
  }

  function drawChart(table) {
    var canvas = document.getElementById(table.dataset.chart);
    if (!canvas || typeof Chart === 'undefined') {
      return;
    }
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells, 1);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var datasets = heads.map(function (head, i) {
      return {
        label: head.textContent.trim(),
        data: rows.map(function (row) { return number(row.cells[i + 1].textContent); }),
        backgroundColor: COLOURS[i % COLOURS.length],
        borderColor: COLOURS[i % COLOURS.length]
      };
    });
    new Chart(canvas, {
      type: table.dataset.chartType || 'bar',
      data: { labels: rows.map(function (row) { return row.cells[0].textContent.trim(); }), datasets: datasets },
      options: {
        responsive: true,
        animation: false,
        plugins: { legend: { display: datasets.length > 1 } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  function filterTable(form, table) {
    var search = form.querySelector('input[type=search][data-filter-table]');
    var status = form.querySelector('select[data-filter-table]');
    var needle = search ? search.value.trim().toLowerCase() : '';
    var only = status ? status.value : '';
    var rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var matches = (!only || row.dataset.status === only)
        && (!needle || row.cells[0].textContent.indexOf(needle) === 0
          || row.cells[1].textContent.toLowerCase().indexOf(needle) >= 0
          || row.cells[2].textContent.toLowerCase() === needle);
      row.hidden = !matches;
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('table[data-chart]').forEach(drawChart);
    document.querySelectorAll('[data-filter-table]').forEach(function (control) {
      var table = document.getElementById(control.dataset.filterTable);
      if (!table) {
        return;
      }
      var refilter = function () { filterTable(control.form, table); };
      control.addEventListener(control.tagName === 'SELECT' ? 'change' : 'input', refilter);
    });
  });
})();
