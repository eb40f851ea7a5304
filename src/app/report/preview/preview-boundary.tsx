/**
 * Whatever goes wrong while drawing the preview stays inside it: a message and 重试 (which
 * fetches the PDF again and draws the preview anew), never a blank window. The rest of the report
 * screen, the draft included, is untouched.
 */
import { Alert, Button, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  onRetry(): void;
}

export class PreviewBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  private retry = () => {
    this.setState({ error: null });
    this.props.onRetry();
  };

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert color="red" variant="light" title="预览出错" data-testid="preview-failed">
        <Text size="sm">预览未能显示（{this.state.error.message}）。报告内容不受影响，可以重试。</Text>
        <Button size="xs" mt="xs" variant="light" color="red" onClick={this.retry}>
          重试
        </Button>
      </Alert>
    );
  }
}
