import { redirect } from "next/navigation";

// `/publishers/{p}/offers/{o}` opens the offer's Status tab.
export default async function OfferPage({ params }: { params: Promise<{ publisherId: string; offerId: string }> }) {
  const { publisherId, offerId } = await params;
  redirect(`/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offerId)}/status`);
}
