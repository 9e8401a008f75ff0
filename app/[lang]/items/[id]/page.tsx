// /items/{id} – a permanent redirect (308) to the item's canonical handle URL.
import { notFound, permanentRedirect } from "next/navigation";
import { getPublicItemHandle } from "@/lib/items/get-item-page";

export function generateStaticParams() {
  return [{ id: "0" }];
}

export default async function ItemById({ params }: PageProps<"/[lang]/items/[id]">) {
  const { id } = await params;
  const handle = /^\d{1,10}$/.test(id) ? await getPublicItemHandle(Number(id)) : null;
  if (!handle) notFound();
  permanentRedirect(`/handle/${handle}`);
}
