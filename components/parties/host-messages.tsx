import type { HostMessage } from "@/lib/notifications/data";
import type { Viewer } from "@/lib/time";
import { PartyDate } from "./party-date";
import { LinkedText } from "./party-details";

/** "Messages from the host", newest first; nothing when there are none. */
export function HostMessages({ messages, viewer }: { messages: HostMessage[]; viewer: Viewer }) {
  if (messages.length === 0) return null;
  return (
    <section aria-labelledby="host-messages-heading" className="host-messages">
      <h2 id="host-messages-heading">Messages from the host</h2>
      <ol className="host-message-list" aria-labelledby="host-messages-heading">
        {messages.map((m) => (
          <li key={m.id}>
            <p className="muted">
              <PartyDate date={m.createdAt} viewer={viewer} />
            </p>
            <LinkedText text={m.body} />
          </li>
        ))}
      </ol>
    </section>
  );
}
