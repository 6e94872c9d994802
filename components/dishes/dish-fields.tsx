import { NAME_MAX, QUANTITY_MAX } from "@/lib/dishes/schema";

/** "Item" and "How many": the host's add form and an item's edit page. */
export function DishFields({
  name = "",
  quantity = 1,
  claimed = 0,
}: {
  name?: string;
  quantity?: number;
  claimed?: number;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor="dish-name">Item</label>
        <input id="dish-name" name="name" required maxLength={NAME_MAX} defaultValue={name} />
      </div>
      <div className="field">
        <label htmlFor="dish-quantity">How many</label>
        {/* Not below what guests have claimed: the server refuses it too, should a claim arrive meanwhile. */}
        <input
          id="dish-quantity"
          name="quantity"
          type="number"
          inputMode="numeric"
          required
          min={Math.max(1, claimed)}
          max={QUANTITY_MAX}
          defaultValue={quantity}
        />
      </div>
    </>
  );
}
