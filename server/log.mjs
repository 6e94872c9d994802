// @ts-check

/**
 * One line on stdout, tagged with the process id: the primary and every
 * worker write to the same stream.
 * @param {string} message
 */
export function log(message) {
  console.log(`[dinnerparty ${process.pid}] ${message}`);
}
