import Link from "next/link";
import { PendingButton } from "@/components/forms/pending-button";
import { addDishAction, claimDishAction, removeDishAction, unclaimDishAction } from "@/lib/dishes/actions";
import type { DishBoard as Board, Dish } from "@/lib/dishes/data";
import { claimedLine } from "@/lib/dishes/messages";
import { NOTE_MAX } from "@/lib/dishes/schema";
import { DishFields } from "./dish-fields";

type Props = { partyId: number; board: Board; hosting: boolean; going: boolean };

/**
 * "What to bring": every item with how many are claimed; who brings what
 * where the viewer may see the guest list; "I'll bring it" / "I can't bring
 * it" for going guests; the host's add form and each item's Edit and Remove.
 * Plain forms: the same without JavaScript, and nothing for the page's budget.
 */
export function DishBoard({ partyId, board, hosting, going }: Props) {
  const back = `/parties/${partyId}`;
  return (
    <section aria-labelledby="dishes-heading" className="dishes-section">
      <h2 id="dishes-heading">What to bring</h2>
      {board.dishes.length === 0 ? (
        <p className="muted">
          {hosting ? "Nothing on the list yet: add what guests could bring." : "Nothing on the list yet."}
        </p>
      ) : (
        <ul className="dish-list" aria-labelledby="dishes-heading">
          {board.dishes.map((dish) => (
            <li key={dish.id} className="dish">
              <DishLine dish={dish} names={board.names} />
              {going && <ClaimForm partyId={partyId} dish={dish} back={back} />}
              {hosting && (
                <div className="actions dish-host-actions">
                  <Link href={`/parties/${partyId}/dishes/${dish.id}/edit`} className="button">
                    Edit <span className="visually-hidden">{dish.name}</span>
                  </Link>
                  <form action={removeDishAction}>
                    <input type="hidden" name="partyId" value={partyId} />
                    <input type="hidden" name="dishId" value={dish.id} />
                    <input type="hidden" name="returnTo" value={back} />
                    <PendingButton className="button" aria-label={`Remove ${dish.name}`}>
                      Remove
                    </PendingButton>
                  </form>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {hosting && <AddDishForm partyId={partyId} back={back} />}
    </section>
  );
}

function DishLine({ dish, names }: { dish: Dish; names: boolean }) {
  return (
    <div>
      <strong>{dish.name}</strong> <span className="muted">· {claimedLine(dish.claimed, dish.quantity)}</span>
      {names && dish.claims.length > 0 && (
        <ul className="dish-claims" aria-label={`Who brings ${dish.name}`}>
          {dish.claims.map((c) => (
            <li key={c.username}>
              {c.username}
              {c.note && <span className="muted"> — {c.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ClaimForm({ partyId, dish, back }: { partyId: number; dish: Dish; back: string }) {
  const ids = (
    <>
      <input type="hidden" name="partyId" value={partyId} />
      <input type="hidden" name="dishId" value={dish.id} />
      <input type="hidden" name="returnTo" value={back} />
    </>
  );
  if (dish.mine) {
    return (
      <form action={unclaimDishAction} className="dish-claim-form">
        {ids}
        <PendingButton className="button">I can&apos;t bring it</PendingButton>
      </form>
    );
  }
  // Offered while one is left; a claim that loses a race is told so.
  if (dish.claimed >= dish.quantity) return null;
  return (
    <form action={claimDishAction} className="dish-claim-form">
      {ids}
      <div className="field">
        <label htmlFor={`dish-note-${dish.id}`}>Note</label>
        <input id={`dish-note-${dish.id}`} name="note" maxLength={NOTE_MAX} placeholder="Optional" />
      </div>
      <PendingButton>I&apos;ll bring it</PendingButton>
    </form>
  );
}

function AddDishForm({ partyId, back }: { partyId: number; back: string }) {
  return (
    <form action={addDishAction} className="form dish-add-form" aria-label="Add an item">
      <input type="hidden" name="partyId" value={partyId} />
      <input type="hidden" name="returnTo" value={back} />
      <DishFields />
      <PendingButton>Add item</PendingButton>
    </form>
  );
}
