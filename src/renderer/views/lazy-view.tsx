import { type ComponentType, lazy, Suspense, useState } from 'react';
import { Spinner } from '../components/spinner';

export interface LazyView<P extends object> {
  View: ComponentType<P>;
  /** Starts loading the view's code (once); resolves when it is in. */
  preload: () => Promise<unknown>;
}

/**
 * A view whose code loads on demand, and once loaded renders at once: React.lazy suspends even
 * on code already fetched, and React holds back the reveal after a fallback for up to 300 ms.
 * A view mounted before its code came keeps the lazy path for that mount, so it is never
 * remounted (and its state lost) when the code arrives.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> => {
    loading ??= load().then((component) => (loaded = component));
    return loading;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function View(props: P): React.JSX.Element {
    const [Ready] = useState(() => loaded);
    if (Ready) return <Ready {...props} />;
    return (
      <Suspense fallback={<Spinner />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return { View, preload };
}
