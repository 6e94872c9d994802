import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { PendingButton } from "@/components/forms/pending-button";
import { updateDishAction } from "@/lib/dishes/actions";
import { getDishBoard } from "@/lib/dishes/loaders";
import { parseDishId } from "@/lib/dishes/schema";
import { DishFields } from "@/components/dishes/dish-fields";
import { hostPageMetadata, requireHostedParty } from "@/lib/parties/loaders";

export async function generateMetadata({ params }: PageProps<"/parties/[id]/dishes/[dishId]/edit">): Promise<Metadata> {
  return hostPageMetadata((await params).id, "Edit item");
}

/** The host changes an item's name or "How many" (never below what guests have claimed). */
export default async function EditDishPage({ params }: PageProps<"/parties/[id]/dishes/[dishId]/edit">) {
  const { id, dishId: rawDish } = await params;
  const back = `/parties/${id}/dishes/${rawDish}/edit`;
  const { party, user } = await requireHostedParty(id, back);
  const dishId = parseDishId(rawDish);
  const dish = dishId ? (await getDishBoard(party.id, user.id))?.dishes.find((d) => d.id === dishId) : undefined;
  if (!dish) notFound();
  return (
    <div className="narrow">
      <PageHeader title="Edit item">
        <p className="lead">
          {dish.claimed === 0
            ? `Nobody has claimed “${dish.name}” yet.`
            : `${dish.claimed} already claimed: “How many” cannot be less than that.`}
        </p>
      </PageHeader>
      <form action={updateDishAction} className="form">
        <input type="hidden" name="partyId" value={party.id} />
        <input type="hidden" name="dishId" value={dish.id} />
        <input type="hidden" name="returnTo" value={back} />
        <DishFields name={dish.name} quantity={dish.quantity} claimed={dish.claimed} />
        <div className="actions">
          <PendingButton className="button button-primary">Save item</PendingButton>
          <Link href={`/parties/${party.id}`} className="button">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
