import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { name: string; children: ReactNode };
type State = { failed: boolean };

/**
 * The last line of defence around a widget: if rendering throws, the reader gets a sentence and a
 * way to start again instead of a blank space or a stack trace. The page around it keeps working.
 */
export default class WidgetErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // Deliberately not logged: the error may quote untrusted input or tokens.
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="alert alert--danger" role="alert">
        <p>
          The {this.props.name} stopped because of an error in the portal, not in your input. Reload the page
          to start it again; if it happens again, tell the portal team what you did.
        </p>
        <button
          type="button"
          className="button button--secondary button--sm"
          onClick={() => this.setState({ failed: false })}
        >
          Start the {this.props.name} again
        </button>
      </div>
    );
  }
}
