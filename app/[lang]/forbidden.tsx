// The 403 page of the workspace (forbidden() in a page): the account is signed in but has no
// right to see this. In both interface languages, like the 404 page, since it gets no params.
import { StatusPage } from "@/components/layout/status-page";
import { curateMessages } from "@/lib/i18n/messages-curate";

export default function ForbiddenPage() {
  const en = curateMessages.en.forbidden;
  const ko = curateMessages.ko.forbidden;
  return <StatusPage code={403} en={en} ko={ko} link={{ href: "/curate", en: en.back, ko: ko.back }} />;
}
