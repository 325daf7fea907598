/** Pids of live processes whose environment carries OMNIJOURNEY_RUN_TAG=<tag> (Linux /proc). */
export function processesTagged(tag: string): number[];
