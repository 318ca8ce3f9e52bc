// OpenYibao console. No inline script anywhere (the Content-Security-Policy forbids it): this file does the little
// the pages need. Charts are drawn from the tables beside them, so what a chart shows is exactly the numbers below it.
(function () {
  "use strict";

  // htmx requests carry the CSRF token the page was given
  document.addEventListener("htmx:configRequest", function (e) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) e.detail.headers[header.content] = token.content;
  });

  function number(text) {
    return Number(String(text).replace(/,/g, ""));
  }

  // A table's columns marked data-series become lines; its body rows are the x axis.
  function drawChart(el) {
    var table = document.getElementById(el.getAttribute("data-chart-for"));
    if (!table || !window.echarts) return;
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var months = rows.map(function (r) { return r.cells[0].textContent.trim(); });
    var series = [];
    heads.forEach(function (th, i) {
      if (!th.hasAttribute("data-series")) return;
      series.push({ name: th.textContent.trim(), type: th.getAttribute("data-series") === "balance" ? "line" : "bar",
        data: rows.map(function (r) { return number(r.cells[i].textContent); }) });
    });
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    chart.setOption({ tooltip: { trigger: "axis" }, legend: { top: 0 }, grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: "category", data: months }, yAxis: { type: "value" }, series: series, animation: false });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  window.addEventListener("load", function () {
    document.querySelectorAll("[data-chart-for]").forEach(drawChart);
    document.querySelectorAll("[data-print]").forEach(function (b) {
      b.addEventListener("click", function () { window.print(); });
    });
  });
})();
