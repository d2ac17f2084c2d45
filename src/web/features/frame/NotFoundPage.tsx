import { Link } from 'react-router';
import { PageHeader } from '../../components/Page.tsx';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" description="There is nothing at this address." />
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </>
  );
}
