// Warns, as the person types, when the programme's rules exclude them (the server checks
// again). The rules and the messages come from the form's data attributes; without
// JavaScript the form works the same, and the server's answer explains.
(function () {
  "use strict";
  var form = document.querySelector("form[data-eligibility]");
  if (!form) return;
  var box = form.querySelector(".eligibility-warning");
  var arrived = form.querySelector("[name=arrived_in_denmark]");
  var postcode = form.querySelector("[name=postcode]");
  var maxYears = parseInt(form.dataset.maxYears, 10);

  function ranges(text) {
    var parts = (text || "").replace(/\s*[-–]\s*/g, "-").split(/[,;\s]+/);
    var result = [];
    parts.forEach(function (part) {
      var bounds = part.split("-");
      var first = parseInt(bounds[0], 10);
      var last = parseInt(bounds[1] || bounds[0], 10);
      if (!isNaN(first) && !isNaN(last)) result.push([first, last]);
    });
    return result;
  }
  var allowed = ranges(form.dataset.postcodes);

  function yearsProblem() {
    if (!arrived || !arrived.value || isNaN(maxYears)) return false;
    var day = new Date(arrived.value + "T00:00:00");
    if (isNaN(day.getTime())) return false;
    // Still eligible on the day exactly maxYears later, not the day after.
    var limit = new Date(day.getTime());
    limit.setFullYear(day.getFullYear() + maxYears);
    if (limit.getMonth() !== day.getMonth()) limit.setDate(0); // 29 February → 28
    var today = new Date();
    today.setHours(0, 0, 0, 0);
    return today > limit;
  }

  function postcodeProblem() {
    if (!postcode || !allowed.length) return false;
    var value = postcode.value.trim();
    if (!/^\d{4}$/.test(value)) return false;
    var number = parseInt(value, 10);
    return !allowed.some(function (range) {
      return range[0] <= number && number <= range[1];
    });
  }

  function check() {
    var messages = [];
    if (yearsProblem()) messages.push(form.dataset.yearsMessage);
    if (postcodeProblem()) messages.push(form.dataset.postcodeMessage);
    box.textContent = messages.join(" ");
    box.hidden = messages.length === 0;
  }

  [arrived, postcode].forEach(function (input) {
    if (input) {
      input.addEventListener("input", check);
      input.addEventListener("change", check);
    }
  });
  check();
})();
