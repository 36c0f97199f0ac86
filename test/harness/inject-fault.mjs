// Preloaded into a Vigil child process (NODE_OPTIONS=--import) by fault tests:
// on SIGUSR2 it makes the fault named by INJECTED_FAULT happen where no
// caller can catch it, as a library's timer or event handler would:
// "exception" throws from setImmediate, "rejection" leaves a rejected promise unhandled.
process.on("SIGUSR2", () => {
  const kind = process.env.INJECTED_FAULT;
  if (kind === "exception") {
    setImmediate(() => {
      throw new TypeError("injected fault: Cannot read properties of null (reading 'write')");
    });
  } else if (kind === "rejection") {
    void Promise.reject(new Error("injected fault: a rejection nobody handles"));
  }
});
