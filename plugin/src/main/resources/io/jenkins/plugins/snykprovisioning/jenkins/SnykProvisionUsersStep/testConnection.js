// The form's "Test connection" button: posts the credentials chosen in this step's credentials control (the
// drop-down, or the expression box when that is the chosen kind), this step's region, org, group and mode, and
// shows the answer the way form validation does.
Behaviour.specify("BUTTON.snyk-test-connection", "snyk-test-connection", 0, function (button) {
  button.addEventListener("click", function () {
    const control = findPrevious(button, function (e) {
      return e.classList != null && e.classList.contains("credentials-select-control");
    });
    const kind = control == null ? null : control.querySelector("input.credentials-select-radio-control:checked");
    const credentials = control == null ? null
      : control.querySelector(kind != null && kind.value === "param" ? "input.credentials-select" : "select.credentials-select");
    // The region is in the advanced section, after the button; the org, group and mode come before it.
    const region = findNextFormItem(button, "region");
    const orgId = findPreviousFormItem(button, "orgId");
    const groupId = findPreviousFormItem(button, "groupId");
    const mode = findPreviousFormItem(button, "mode");
    const spinner = button.previousElementSibling;
    const status = button.nextElementSibling;
    spinner.style.display = "block";
    fetch(button.dataset.url, {
      method: "post",
      headers: crumb.wrap({ "Content-Type": "application/x-www-form-urlencoded" }),
      body: new URLSearchParams({
        credentialsId: credentials == null ? "" : credentials.value,
        region: region == null ? "" : region.value,
        orgId: orgId == null ? "" : orgId.value,
        groupId: groupId == null ? "" : groupId.value,
        mode: mode == null ? "" : mode.value,
      }),
    })
      .then(function (rsp) {
        return rsp.text();
      })
      .then(function (html) {
        status.innerHTML = '<div class="validation-error-area"></div>';
        updateValidationArea(status.firstElementChild, html);
      })
      .finally(function () {
        spinner.style.display = "none";
      });
  });
});
